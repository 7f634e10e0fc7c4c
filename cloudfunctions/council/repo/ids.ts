/** The deterministic ids of the council's records: uniqueness (one ballot per household, one second per person …) rests on them. */
export const ballotId = (voteId: string, householdId: string) => `ballot:${voteId}:${householdId}`
export const secondId = (topicId: string, openid: string) => `second:${topicId}:${openid}`
export const attendanceId = (meetingId: string, openid: string) => `att:${meetingId}:${openid}`
export const resolutionId = (meetingId: string, itemId: string) => `res:${meetingId}:${itemId}`
export const ratingId = (resolutionId: string, householdId: string) => `rating:${resolutionId}:${householdId}`
/** Zero-padded so the ids sort as the entries were written. */
export const progressId = (resolutionId: string, seq: number) =>
  `progress:${resolutionId}:${String(seq).padStart(6, '0')}`
export const subscriptionId = (communityId: string, openid: string) => `sub:${communityId}:${openid}`
