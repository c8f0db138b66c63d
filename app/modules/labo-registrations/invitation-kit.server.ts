import QRCode from "qrcode";
import { appUrl } from "#app/env.server.ts";

/** The address printed on the flyer and encoded in its QR code. */
export function registrationUrl(sessionId: string) {
  return `${appUrl}/labo/${sessionId}/inscription`;
}

/**
 * The QR code as an SVG data URL (drawn on the server: sharp when printed, no script needed). Error
 * correction M survives a folded or slightly smudged flyer.
 */
export async function qrCodeDataUrl(url: string) {
  const svg = await QRCode.toString(url, { type: "svg", errorCorrectionLevel: "M", margin: 2, color: { dark: "#000000", light: "#ffffff" } });
  return `data:image/svg+xml;base64,${Buffer.from(svg, "utf8").toString("base64")}`;
}
