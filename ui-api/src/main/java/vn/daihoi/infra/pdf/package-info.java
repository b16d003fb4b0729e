/**
 * Printable Vietnamese documents (credential slips, ballot papers, minutes, the recognition dossier) as PDF, laid
 * out as Vietnamese administrative documents are (Decree 30/2020/NĐ-CP, ADR 0022). The font is embedded so a
 * printed slip looks the same on any reader, and every text is brought to NFC first because the embedded
 * font draws precomposed Vietnamese letters, not a letter followed by stacked combining marks.
 */
package vn.daihoi.infra.pdf;
