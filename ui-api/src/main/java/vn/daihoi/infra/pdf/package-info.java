/**
 * Printable Vietnamese documents (credential slips, counting minutes) as PDF. The font is embedded so a
 * printed slip looks the same on any reader, and every text is brought to NFC first because the embedded
 * font draws precomposed Vietnamese letters, not a letter followed by stacked combining marks.
 */
package vn.daihoi.infra.pdf;
