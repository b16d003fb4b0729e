/** The people read model: opened personal data, blanked on erasure. */
package vn.daihoi.person;
