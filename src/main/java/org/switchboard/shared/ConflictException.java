package org.switchboard.shared;

/**
 * A request that is valid in itself but clashes with the current state of a record (for example solving a roster
 * that is already being solved, or changing a published roster). The REST API answers 409 with the message.
 */
public class ConflictException extends RuntimeException {

    public ConflictException(String message) {
        super(message);
    }
}
