/// Criterion 5 prices a conference by its days ("1 day = 5 credit units"): where the document
/// does not state them, they are the days from its first to its last date, both counted; an
/// event with one date lasted that day.
public enum EventDays {
    public static func count(from start: CalendarDate, through end: CalendarDate?) -> Int {
        start.inclusiveDays(through: end ?? start)
    }
}
