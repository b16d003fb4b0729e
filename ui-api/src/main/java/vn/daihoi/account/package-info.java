/** Accounts, roles scoped to units and congresses, bearer tokens for people and voters, and access checks. */
package vn.daihoi.account;
