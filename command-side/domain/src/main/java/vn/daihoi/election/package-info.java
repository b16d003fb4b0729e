/** The election engine: ballot validity and counting, as pure functions first. */
package vn.daihoi.election;
