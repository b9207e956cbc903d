import PersonNames
import Testing

@Suite("The order of names in a list")
struct NameOrderTests {
    @Test func kazakhLettersStandBesideTheirRussianNeighbours() {
        let names = ["Яковлев Пётр", "Әбенов Нурлан", "Абенов Нурлан", "Ғалымов Ерлан", "Гусев Иван", "Дауров Асхат", "Ібраев Арман", "Ыбыраев Бек", "Ким Анна", "Кимов Олег", "Қасымов Ерлан", "Smith John", "ёлкин Ян", "Ежов Ян", "Жуков Ян"]
        #expect(names.sorted(by: NameOrder.precedes) == [
            "Абенов Нурлан", "Әбенов Нурлан", "Гусев Иван", "Ғалымов Ерлан", "Дауров Асхат", "Ежов Ян", "ёлкин Ян", "Жуков Ян",
            "Ким Анна", "Кимов Олег", "Қасымов Ерлан", "Ыбыраев Бек", "Ібраев Арман", "Яковлев Пётр", "Smith John",
        ])
    }

    @Test func caseDoesNotDecide() {
        #expect(NameOrder.key("ӘБЕНОВ") == NameOrder.key("әбенов"))
        #expect(NameOrder.precedes("абенов", "ӘБЕНОВ"))
    }
}
