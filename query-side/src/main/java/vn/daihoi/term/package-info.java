/** Read models of terms of office: every unit's terms, who held which office when, and the congress season's deadlines. */
package vn.daihoi.term;
