package vn.daihoi.organisation;

/** How a unit came to be: founded on its own, formed by a merger, or split off another. */
public enum UnitOrigin { FOUNDED, MERGER, SPLIT }
