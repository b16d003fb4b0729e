/** The message API of terms of office: one unit's leadership for one term, its recognition and its changes. */
package vn.daihoi.term;
