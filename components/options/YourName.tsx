import { i18n } from '#i18n';
import { useEffect, useState } from 'react';
import { yourName } from '../storage/your-name';

/** How briefs and receipts are signed: "Handed off by …", "Accepted by …". */
export function YourName() {
  const [name, setName] = useState('');
  useEffect(() => void yourName.getValue().then(setName), []);
  return (
    <label>
      {i18n.t('options.yourName')}
      <input value={name} maxLength={200} placeholder={i18n.t('options.yourNameExample')} onChange={(event) => (setName(event.target.value), void yourName.setValue(event.target.value.trim()))} />
    </label>
  );
}
