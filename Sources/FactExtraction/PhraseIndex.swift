/// Finds which of many wordings a line contains in one pass over its bytes (Aho–Corasick), where
/// searching for each wording in turn costs a pass per wording: a document's lines against the
/// hundreds of activity phrases in every language. Built at every start, so it is kept in plain
/// arrays: a table for the first byte, and a short list of edges for every other state.
///
/// Lines and wordings are normalised alike (NFC, lowercase), so matching UTF-8 bytes matches text.
struct PhraseIndex: Sendable {
    private struct Edge: Sendable {
        let byte: UInt8
        let state: Int32
    }

    /// The state after the first byte (0: no wording starts with it).
    private var first = [Int32](repeating: 0, count: 256)
    /// Every other state's edges; a state has few.
    private var edges: [[Edge]] = [[]]
    /// The state of the longest proper suffix of a state's text that is also a prefix of a wording.
    private var failure: [Int32] = [0]
    /// The wordings (their positions in the list given) that end at a state, its suffixes' included.
    private var outputs: [[Int32]] = [[]]

    init(_ phrases: [String]) {
        for (index, phrase) in phrases.enumerated() {
            var state: Int32 = 0
            for byte in phrase.utf8 {
                if let next = next(state, byte) {
                    state = next
                    continue
                }
                let new = Int32(failure.count)
                failure.append(0)
                outputs.append([])
                edges.append([])
                if state == 0 { first[Int(byte)] = new } else { edges[Int(state)].append(Edge(byte: byte, state: new)) }
                state = new
            }
            outputs[Int(state)].append(Int32(index))
        }
        // Breadth first, so a state's failure is settled before its children's.
        var queue = first.filter { $0 != 0 }
        var head = 0
        while head < queue.count {
            let state = queue[head]
            head += 1
            for edge in edges[Int(state)] {
                var fallback = failure[Int(state)]
                while fallback != 0, next(fallback, edge.byte) == nil { fallback = failure[Int(fallback)] }
                let target = next(fallback, edge.byte) ?? 0
                failure[Int(edge.state)] = target
                outputs[Int(edge.state)] += outputs[Int(target)]
                queue.append(edge.state)
            }
        }
    }

    private func next(_ state: Int32, _ byte: UInt8) -> Int32? {
        if state == 0 {
            let next = first[Int(byte)]
            return next == 0 ? nil : next
        }
        for edge in edges[Int(state)] where edge.byte == byte { return edge.state }
        return nil
    }

    /// The positions, in the list the index was made from, of every wording `text` contains.
    func matches(in text: some StringProtocol) -> Set<Int> {
        var found = Set<Int>()
        var state: Int32 = 0
        for byte in text.utf8 {
            while true {
                if let next = next(state, byte) {
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
