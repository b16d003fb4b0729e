package vn.daihoi.bench;

import org.springframework.boot.context.TypeExcludeFilter;
import org.springframework.core.type.classreading.MetadataReader;
import org.springframework.core.type.classreading.MetadataReaderFactory;

import java.io.IOException;

/**
 * The application runs here on the test classpath, so its component scan would also find the tests' own
 * configurations (a fixed clock, for one). Spring Boot's test support leaves them out for a test context; this
 * does the same for the benchmark: nothing compiled from {@code src/test} becomes a bean.
 */
final class ExcludeTestClasses extends TypeExcludeFilter {

    @Override
    public boolean match(MetadataReader reader, MetadataReaderFactory factory) throws IOException {
        return reader.getResource().getURL().toString().contains("/test-classes/");
    }

    @Override
    public boolean equals(Object o) {
        return o != null && o.getClass() == getClass();
    }

    @Override
    public int hashCode() {
        return getClass().hashCode();
    }
}
