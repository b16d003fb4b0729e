package vn.daihoi.election;

/** giới thiệu (by the outgoing committee), đề cử (by delegates), ứng cử (self, with an application). */
public enum NominationSource { OUTGOING_COMMITTEE, DELEGATE, SELF }
