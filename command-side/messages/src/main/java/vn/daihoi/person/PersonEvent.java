package vn.daihoi.person;

public sealed interface PersonEvent permits PersonRegistered, PersonalDataCorrected, PersonErased {
    String personId();
}
