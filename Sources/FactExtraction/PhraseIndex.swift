/// Finds which of many wordings a line contains in one pass over its bytes (Aho–Corasick), where
/// searching for each wording in turn costs a pass per wording: a document's lines against the
/// hundreds of activity phrases in every language.
///
/// Lines and wordings are normalised alike (NFC, lowercase), so matching UTF-8 bytes matches text.
struct PhraseIndex: Sendable {
    /// `state << 8 | byte` → the state reached.
    private var transitions: [Int: Int32] = [:]
    /// The state of the longest proper suffix of a state's text that is also a prefix of a wording.
    private var failure: [Int32] = [0]
    /// The wordings (their positions in the list given) that end at a state, its suffixes' included.
    private var outputs: [[Int32]] = [[]]

    init(_ phrases: [String]) {
        var children: [[(byte: UInt8, state: Int32)]] = [[]]
        for (index, phrase) in phrases.enumerated() {
            var state: Int32 = 0
            for byte in phrase.utf8 {
                let key = Int(state) << 8 | Int(byte)
                if let next = transitions[key] {
                    state = next
                } else {
                    let new = Int32(failure.count)
                    failure.append(0)
                    outputs.append([])
                    children.append([])
                    children[Int(state)].append((byte, new))
                    transitions[key] = new
                    state = new
                }
            }
            outputs[Int(state)].append(Int32(index))
        }
        // Breadth first, so a state's failure is settled before its children's.
        var queue = children[0].map(\.state)
        var head = 0
        while head < queue.count {
            let state = queue[head]
            head += 1
            for (byte, child) in children[Int(state)] {
                var fallback = failure[Int(state)]
                while fallback != 0, transitions[Int(fallback) << 8 | Int(byte)] == nil { fallback = failure[Int(fallback)] }
                let target = transitions[Int(fallback) << 8 | Int(byte)] ?? 0
                failure[Int(child)] = target == child ? 0 : target
                outputs[Int(child)] += outputs[Int(failure[Int(child)])]
                queue.append(child)
            }
        }
    }

    /// The positions, in the list the index was made from, of every wording `text` contains.
    func matches(in text: some StringProtocol) -> Set<Int> {
        var found = Set<Int>()
        var state: Int32 = 0
        for byte in text.utf8 {
            while true {
                if let next = transitions[Int(state) << 8 | Int(byte)] {
                    state = next
                    break
                }
                if state == 0 { break }
                state = failure[Int(state)]
            }
            for index in outputs[Int(state)] { found.insert(Int(index)) }
        }
        return found
    }
}
