/** The person aggregate: registration, correction and lawful erasure of personal data. */
package vn.daihoi.person;
