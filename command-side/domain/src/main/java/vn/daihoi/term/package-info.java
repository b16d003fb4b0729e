/** One unit's leadership for one term: its aggregate, the policies it applies and the handler that reads elections. */
package vn.daihoi.term;
