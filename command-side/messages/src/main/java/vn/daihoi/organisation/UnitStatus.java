package vn.daihoi.organisation;

/** A unit's standing: active, or how it ended. */
public enum UnitStatus { ACTIVE, MERGED, SPLIT, DISSOLVED }
