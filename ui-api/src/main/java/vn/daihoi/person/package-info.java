/** HTTP endpoints of the person registry, including lawful erasure. */
package vn.daihoi.person;
