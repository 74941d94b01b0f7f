import { useEffect, useState } from 'react';
import { yourName } from '../storage/your-name';

export function useYourName(): string {
  const [name, setName] = useState('');
  useEffect(() => {
    void yourName.getValue().then(setName);
    return yourName.watch((next) => setName(next ?? ''));
  }, []);
  return name;
}
