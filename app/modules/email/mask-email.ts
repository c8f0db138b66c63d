/** `nadia@example.org` → `n***@example.org`: enough for an administrator to recognise, not to read. */
export function maskEmail(address: string) {
  const at = address.lastIndexOf("@");
  if (at < 1) return "***";
  return `${String.fromCodePoint(address.codePointAt(0)!)}***${address.slice(at)}`;
}

/** Every address in a provider's error text, masked (errors are logged and shown to administrators). */
export function maskAddresses(text: string) {
  return text.replace(/[^\s<>"'`,;:()[\]]+@[^\s<>"'`,;:()[\]]+/g, maskEmail);
}
