import { Controller, Get, Header, HttpCode, Post, Query } from '@nestjs/common';
import { ApiBadRequestResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Allow, Public } from '@talent/platform';
import {
  consistencyProofExample,
  inclusionProofExample,
  publicKeyExample,
  treeHeadExample,
  treeHeadsPageExample,
} from './ledger.examples';
import { ConsistencyProofQuery, InclusionProofQuery, TreeHeadsQuery } from './ledger.queries';
import { LedgerService } from './ledger.service';

/**
 * The verifiable ledger: signed heads of the Merkle tree over every event, and the proofs that
 * tie an event to a head and a head to a later one (docs/security.md).
 */
@ApiTags('ledger')
@Controller('ledger')
export class LedgerController {
  constructor(private readonly ledger: LedgerService) {}

  @Get('public-key')
  @Public()
  @ApiOperation({ summary: 'The Ed25519 public key that signs tree heads, to pin when verifying them' })
  @ApiOkResponse({ schema: { example: publicKeyExample } })
  publicKey() {
    return this.ledger.publicKey();
  }

  @Post('tree-heads')
  @HttpCode(201)
  @Allow('auditor')
  @ApiOperation({ summary: 'Brings the tree up to date and signs a tree head now, to save outside the office' })
  @ApiOkResponse({ schema: { example: treeHeadExample } })
  issueTreeHead() {
    return this.ledger.issueTreeHead();
  }

  @Get('tree-heads/latest')
  @Allow('auditor')
  @ApiOperation({ summary: 'The latest signed tree head: how many events the ledger held, their root, when' })
  @ApiOkResponse({ schema: { example: treeHeadExample } })
  @ApiNotFoundResponse({ description: 'No tree head has been signed yet' })
  latestTreeHead() {
    return this.ledger.latestTreeHead();
  }

  @Get('tree-heads')
  @Allow('auditor')
  @ApiOperation({ summary: 'Signed tree heads issued in [from, to), oldest first, a page at a time' })
  @ApiOkResponse({ schema: { example: treeHeadsPageExample } })
  treeHeads(@Query() query: TreeHeadsQuery) {
    return this.ledger.treeHeads(query);
  }

  @Get('export')
  @Allow('auditor')
  @Header('content-disposition', 'attachment')
  @ApiOperation({
    summary:
      'Every leaf of the tree beside the event the log holds at its place, under a signed head: verify offline ' +
      'against a saved head with npm run audit:verify-export',
  })
  exportLedger() {
    return this.ledger.exportLedger();
  }

  @Get('proofs/inclusion')
  @Allow('auditor')
  @ApiOperation({
    summary: 'Proves an event is leaf leafIndex of the tree of treeSize events (RFC 9162 2.1.3), from its hash',
  })
  @ApiOkResponse({ schema: { example: inclusionProofExample } })
  @ApiNotFoundResponse({ description: 'EVENT_NOT_IN_LEDGER: no such event, or not in the tree yet' })
  @ApiBadRequestResponse({ description: 'TREE_SIZE_BEYOND_LEDGER, EVENT_AFTER_TREE_SIZE, or a malformed field' })
  inclusionProof(@Query() query: InclusionProofQuery) {
    return this.ledger.inclusionProof(query);
  }

  @Get('proofs/consistency')
  @Allow('auditor')
  @ApiOperation({ summary: 'Proves the tree of `to` events extends the tree of `from` events (RFC 9162 2.1.4)' })
  @ApiOkResponse({ schema: { example: consistencyProofExample } })
  @ApiBadRequestResponse({ description: 'INVALID_TREE_RANGE, TREE_SIZE_BEYOND_LEDGER, or a malformed field' })
  consistencyProof(@Query() query: ConsistencyProofQuery) {
    return this.ledger.consistencyProof(query);
  }
}
