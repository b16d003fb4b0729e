package vn.daihoi.delegate;

/** how a delegate came to sit: ex officio, elected by a lower unit, or appointed. */
public enum DelegateBasis { EX_OFFICIO, ELECTED, APPOINTED, MEMBER }
