package dev.selftune.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.invoke.MethodType;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** samples.tsv drives the main tuning job: every line must name a real target and real providers. */
class SamplesTsvTest {
    private static List<String> lines() throws IOException {
        return Files.readAllLines(Path.of("samples.tsv"));
    }

    @Test
    void samplesTsv_everyLine_hasThreeTabSeparatedFieldsAndAUniqueName() throws IOException {
        Set<String> names = new HashSet<>();
        for (String line : lines()) {
            String[] fields = line.split("\t", -1);
            assertEquals(3, fields.length, line);
            assertTrue(fields[0].matches("[a-z0-9-]+"), "name '" + fields[0] + "' must be a plain directory name");
            assertTrue(names.add(fields[0]), "duplicate name " + fields[0]);
        }
        assertTrue(names.size() >= 11, "at least 11 tuned samples");
    }

    @Test
    void samplesTsv_everyTarget_isOnePublicStaticMethod() throws Exception {
        for (String line : lines()) {
            String target = line.split("\t")[1];
            String owner = target.substring(0, target.indexOf('#'));
            String rest = target.substring(target.indexOf('#') + 1);
            int paren = rest.indexOf('(');
            String name = paren < 0 ? rest : rest.substring(0, paren);
            List<Method> matches = Arrays.stream(Class.forName(owner).getDeclaredMethods())
                    .filter(m -> m.getName().equals(name))
                    .filter(m -> paren < 0 || MethodType.methodType(m.getReturnType(), m.getParameterTypes())
                            .toMethodDescriptorString().equals(rest.substring(paren)))
                    .toList();
            assertEquals(1, matches.size(), target + " must match exactly one method (add a descriptor if overloaded)");
            assertTrue(Modifier.isStatic(matches.get(0).getModifiers()) && Modifier.isPublic(matches.get(0).getModifiers()), target);
        }
    }

    @Test
    void samplesTsv_everyInputsProvider_returnsRowsOfTheTargetsArity() throws Exception {
        for (String line : lines()) {
            String[] fields = line.split("\t", -1);
            List<String> options = Arrays.asList(fields[2].split(" "));
            int at = options.indexOf("--inputs");
            if (at < 0) {
                continue;
            }
            String provider = options.get(at + 1);
            Method rows = Class.forName(provider.substring(0, provider.indexOf('#')))
                    .getMethod(provider.substring(provider.indexOf('#') + 1));
            Object[][] result = (Object[][]) rows.invoke(null);
            assertFalse(result.length == 0, provider + " returns no rows");
            String target = fields[1];
            Method method = Arrays.stream(Class.forName(target.substring(0, target.indexOf('#'))).getMethods())
                    .filter(m -> m.getName().equals(target.substring(target.indexOf('#') + 1)))
                    .findFirst().orElseThrow();
            for (Object[] row : result) {
                assertEquals(method.getParameterCount(), row.length, provider + " row arity for " + target);
                method.invoke(null, row);
            }
        }
    }
}
