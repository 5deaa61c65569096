import { Body, Controller, Get, Headers, Param, ParseIntPipe, Post, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type {
  DeliberationBallotReceipt,
  DeliberationChainView,
  DeliberationPollMeView,
  DeliberationPollView,
  DeliberationReceiptCheck,
} from '@linli/shared';
import type { FastifyReply } from 'fastify';
import type { AuthUser } from '../auth/auth-user';
import { CurrentUser } from '../auth/current-user.decorator';
import { Permission } from '../auth/permission.decorator';
import { BallotsService } from './ballots.service';
import { BallotInputDto, PollInputDto } from './dto/poll.dto';
import { PollChainService } from './poll-chain.service';
import { PollsService } from './polls.service';
import { RateLimit } from '../rate-limit/rate-limit.decorator';

@ApiTags('deliberations')
@ApiBearerAuth()
@Controller()
export class PollsController {
  constructor(
    private readonly polls: PollsService,
    private readonly ballots: BallotsService,
    private readonly chain: PollChainService,
  ) {}

  @Post('deliberations/:id/polls')
  @Permission('deliberation.manage')
  create(@CurrentUser() user: AuthUser, @Param('id', ParseIntPipe) id: number, @Body() body: PollInputDto): Promise<DeliberationPollView> {
    return this.polls.create(user, id, body);
  }

  @Get('polls/:id')
  @Permission('deliberation.read')
  get(@Param('id', ParseIntPipe) id: number): Promise<DeliberationPollView> {
    return this.polls.get(id);
  }

  @Get('polls/:id/me')
  @Permission('deliberation.participate')
  me(@CurrentUser() user: AuthUser, @Param('id', ParseIntPipe) id: number): Promise<DeliberationPollMeView> {
    return this.polls.me(user, id);
  }

  /** 201 with the receipt; 200 with the same receipt when the Idempotency-Key was seen before. */
  @Post('polls/:id/ballots')
  @Permission('deliberation.participate')
  @RateLimit('ballots')
  async cast(
    @CurrentUser() user: AuthUser,
    @Param('id', ParseIntPipe) id: number,
    @Body() body: BallotInputDto,
    @Headers('idempotency-key') idempotencyKey: string | undefined,
    @Res({ passthrough: true }) res: FastifyReply,
  ): Promise<DeliberationBallotReceipt> {
    const outcome = await this.ballots.cast(user, id, body, idempotencyKey);
    res.status(outcome.replayed ? 200 : 201);
    return outcome.receipt;
  }

  @Get('polls/:id/chain')
  @Permission('deliberation.read')
  getChain(@Param('id', ParseIntPipe) id: number): Promise<DeliberationChainView> {
    return this.chain.chain(id);
  }

  @Get('polls/:id/receipts/:receipt')
  @Permission('deliberation.read')
  checkReceipt(@Param('id', ParseIntPipe) id: number, @Param('receipt') receipt: string): Promise<DeliberationReceiptCheck> {
    return this.chain.checkReceipt(id, receipt);
  }
}
