/** Path of the Chromium binary the scripts drive, installed from Debian when missing. */
export const CHROMIUM: string;
