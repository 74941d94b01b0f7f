import { useEffect, useState } from 'react';
import { yourName } from '../storage/your-name';

/** How briefs and receipts are signed: "Handed off by …", "Accepted by …". */
export function YourName() {
  const [name, setName] = useState('');
  useEffect(() => void yourName.getValue().then(setName), []);
  return (
    <label>
      Your name or email (signs your briefs and receipts)
      <input value={name} maxLength={200} placeholder="e.g. Maria Lopez" onChange={(event) => (setName(event.target.value), void yourName.setValue(event.target.value.trim()))} />
    </label>
  );
}
