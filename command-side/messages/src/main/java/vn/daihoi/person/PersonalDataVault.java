package vn.daihoi.person;

import java.util.Optional;

/** Per-person keys (crypto-shredding, ADR 0005). Implemented on PostgreSQL; the key table is never in an event. */
public interface PersonalDataVault {

    /** Seals data under the person's key, creating the key on first use. */
    SealedPersonalData seal(String personId, PersonalData data);

    /** Empty once the person's key was destroyed (erasure) or when it never existed. */
    Optional<PersonalData> open(String personId, SealedPersonalData sealed);

    /** Erasure: destroys the person's key for good; every sealed copy of the data becomes noise. */
    void destroyKey(String personId);
}
