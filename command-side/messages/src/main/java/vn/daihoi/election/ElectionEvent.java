package vn.daihoi.election;

public interface ElectionEvent {
    String electionId();
}
