package vn.daihoi.election;

import java.util.List;

/** Which elections a congress or committee meeting opened for a body; kept in the command's transaction. */
public interface ElectionDirectory {

    /** The ids of the elections of {@code body} opened at {@code congressId}, oldest first. */
    List<String> electionsAt(String congressId, ElectedBody body);
}
