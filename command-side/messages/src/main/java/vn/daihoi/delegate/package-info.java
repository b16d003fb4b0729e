/**
 * The delegate roll of a congress: who is summoned, who replaced whom, who is present, and each
 * voter's personal voting credential. Delegates are people, referred to by id.
 */
package vn.daihoi.delegate;
