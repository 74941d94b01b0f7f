import { useEffect, useState } from 'react';
import { recordLabel, type RecordRef } from '../../lib/record';
import { watchPageNotes } from '../storage/page-notes';

/** The Baton briefs and receipts among the record's notes, as the page last showed them. */
export function usePageNotes(ref: RecordRef): string[] {
  const [texts, setTexts] = useState<string[]>([]);
  const key = recordLabel(ref);
  useEffect(() => {
    setTexts([]); // never show one record's notes on another while the new ones load
    return watchPageNotes(ref, setTexts);
  }, [key]); // key identifies ref
  return texts;
}
