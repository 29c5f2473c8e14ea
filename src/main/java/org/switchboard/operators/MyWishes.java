package org.switchboard.operators;

import java.util.List;

/** An operator's wishes with the wish periods that have not ended yet (each with its deadline and whether it is open). */
public record MyWishes(List<Wish> wishes, List<Period> periods) {

    public record Period(WishPeriod period, boolean open) {}
}
