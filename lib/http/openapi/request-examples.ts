/** Request examples; the test parses each with the schema that validates the route, so they stay valid. */
export const REQUEST_EXAMPLES = {
  ProposeActionRequest: {
    tool: 'refund.issue',
    params: { orderId: 'ORD-1', amount: 12.5, currency: 'EUR' },
    reason: 'Duplicate charge',
    sources: [{ title: 'Ticket #1', url: 'https://support.example.com/1' }],
  },
  ClaimActionRequest: { paramsHash: '9f2c4e0b7a6d5c3b1a0f9e8d7c6b5a4f3e2d1c0b9a8f7e6d5c4b3a2f1e0d9c8b' },
  ReportResultRequest: { ok: true, output: { refundId: 're_123' }, downstreamRef: 're_123' },
} as const;
