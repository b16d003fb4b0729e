package vn.daihoi.congress;

/** đại hội toàn thể (every member summoned) or đại hội đại biểu (delegates summoned). */
public enum CongressKind { ALL_MEMBER, DELEGATE }
