package vn.daihoi.delegate;

/** đại biểu chính thức, dự khuyết, khách mời. Guests never vote. */
public enum DelegateCategory {
    DELEGATE("Đại biểu chính thức", "delegate"),
    ALTERNATE("Đại biểu dự khuyết", "alternate"),
    GUEST("Khách mời", "guest");

    private final String vietnamese;
    private final String english;

    DelegateCategory(String vietnamese, String english) {
        this.vietnamese = vietnamese;
        this.english = english;
    }

    public String vietnamese() { return vietnamese; }
    public String english() { return english; }
}
