package vn.daihoi.person;

/** Whether a person id is registered: other aggregates refer to people only by id, so they check it here. */
public interface PersonDirectory {
    boolean exists(String personId);
}
