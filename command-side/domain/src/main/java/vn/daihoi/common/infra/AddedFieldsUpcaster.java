package vn.daihoi.common.infra;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.axonframework.serialization.upcasting.event.SingleEventUpcaster;

import java.util.List;
import java.util.Objects;

/**
 * One step of the upcaster chain (issue 13): an event of {@code type} stored at revision {@code from} becomes
 * revision {@code to} by gaining {@code fields}, each null — what the new shape says an old event meant. Every
 * revision of every event that ever changed has its step; a stored event is never rewritten, it is read through
 * the chain. Renames and moves get steps of their own kind, never a Jackson default.
 */
public abstract class AddedFieldsUpcaster extends SingleEventUpcaster {

    private final String type;
    private final String from;
    private final String to;
    private final List<String> fields;

    protected AddedFieldsUpcaster(Class<?> type, String from, String to, List<String> fields) {
        this.type = type.getName();
        this.from = from;
        this.to = to;
        this.fields = List.copyOf(fields);
    }

    @Override
    protected boolean canUpcast(IntermediateEventRepresentation event) {
        return event.getType().getName().equals(type) && Objects.equals(event.getType().getRevision(), from);
    }

    @Override
    protected IntermediateEventRepresentation doUpcast(IntermediateEventRepresentation event) {
        return event.upcastPayload(new SimpleSerializedType(type, to), JsonNode.class, node -> {
            ObjectNode o = (ObjectNode) node.deepCopy();
            for (String f : fields) if (!o.has(f)) o.putNull(f);
            return o;
        });
    }
}
