package aimengine.facts;

import java.util.List;

/** Where aim-engine looked for the requested model's facts, so that "no facts" can say so. */
public record ModelSearch(String model, List<String> places) {

    public ModelSearch {
        places = List.copyOf(places);
    }

    public String describe() {
        return String.join("; ", places);
    }
}
