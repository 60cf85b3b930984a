import { Module } from '@nestjs/common';

/** The kalshi domain: the exchange adapter: signed REST, WebSocket feed, wire types. */
@Module({})
export class KalshiModule {}
