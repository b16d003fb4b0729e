package vn.daihoi.congress;

import org.axonframework.serialization.Revision;

import java.time.LocalDate;

@Revision("1")
public record CongressRescheduled(String congressId, LocalDate date, String venue, String reason) implements CongressEvent {
}
