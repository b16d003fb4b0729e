/** Given / when / expect fixture tests of the confidence-vote rules, one class per rule, named after it. */
package vn.daihoi.confidence.rules;
