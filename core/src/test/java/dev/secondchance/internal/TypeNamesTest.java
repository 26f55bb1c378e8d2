package dev.secondchance.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TypeNamesTest {

    static final class Member extends IOException {
        private static final long serialVersionUID = 1L;
    }

    @Test
    void simple_whenTopLevel_dropsThePackage() {
        assertEquals("IOException", TypeNames.simple(IOException.class));
    }

    @Test
    void simple_whenAMemberClass_dropsItsOuterClasses() {
        assertEquals("Member", TypeNames.simple(Member.class));
        assertEquals("Entry", TypeNames.simple(Map.Entry.class));
    }

    @Test
    void simple_whenAnonymous_givesItsNumberRatherThanNothing() {
        Object anonymous = new Object() { };

        assertEquals("1", TypeNames.simple(anonymous.getClass()));
    }
}
