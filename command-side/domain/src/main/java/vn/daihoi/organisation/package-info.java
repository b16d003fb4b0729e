/** The unit aggregate and the policies that keep the organisation tree sound. No Spring here. */
package vn.daihoi.organisation;
