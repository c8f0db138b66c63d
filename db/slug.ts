/** "Fouquières-lès-Lens" → "fouquieres-les-lens": stable ASCII ids for communes in URLs and tables. */
export function slugify(value: string) {
  return value
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "");
}
