// Public pages are complete server-rendered HTML; they ship no framework
// JavaScript (pages that need live updates turn this on for themselves).
export const csr = false;
