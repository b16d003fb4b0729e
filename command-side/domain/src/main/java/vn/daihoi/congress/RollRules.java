package vn.daihoi.congress;

import vn.daihoi.delegate.DelegateCategory;

/** who on a roll votes — one rule for the congress's own roll and for what elections read of it. */
public final class RollRules {

    private RollRules() {
    }

    public static boolean votes(DelegateCategory category, boolean replaced, boolean replacing, boolean rejected) {
        if (rejected || replaced) return false;
        return category == DelegateCategory.DELEGATE || (category == DelegateCategory.ALTERNATE && replacing);
    }
}
