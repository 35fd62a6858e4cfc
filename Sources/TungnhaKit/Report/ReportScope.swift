extension Store {
    /// A report asked for no commune and no province covers, on a commune's gathering machine, that commune: its
    /// store may also hold records of a former commune split between this one and others, which count elsewhere.
    func scopedToMachine(_ request: ReportRequest) throws -> ReportRequest {
        guard request.commune == nil, request.province == nil, let identity = try identityIfAny(), identity.role == .communeGathering,
            let commune = identity.commune
        else { return request }
        var scoped = request
        scoped.commune = commune.code
        return scoped
    }
}
