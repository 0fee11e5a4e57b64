/**
 * A scripted stand-in for the 1C {@code rac} executable, used by the rac-reactive tests.
 *
 * <p>See {@link dev.corekit.fakerac.FakeRac} for the environment variables and the scenario
 * language.
 */
package dev.corekit.fakerac;
