package vn.daihoi.organisation;

/** Why a unit changed parent: its own decision, or its parent merged or split. */
public enum MoveReason { DECISION, PARENT_MERGED, PARENT_SPLIT }
